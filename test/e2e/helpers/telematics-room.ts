// A connected-car room for browser tests: four parties shared by Shapley value, two negotiators and
// a mediator, each with their invitation link.
import { appoint, createRoom, invite, seatParties } from '../../integration/helpers/api';

/** A connected-car room (four parties, Shapley value) with two negotiators and a mediator. */
export interface TelematicsRoom {
  roomId: string;
  organizerToken: string;
  links: { organizer: string; csp: string; app: string; mediator: string };
}

export async function createTelematicsRoom(
  baseUrl: string,
  title = 'Connected car bundle',
): Promise<TelematicsRoom> {
  const room = await createRoom(baseUrl, { title, template: 'telematics' });
  const link = (token: string) => `${baseUrl}/rooms/${room.roomId}#token=${token}`;
  // Each party seats its own people, and every party consents to the mediator.
  const organizers = await seatParties(baseUrl, room.roomId, room.organizerToken);
  const csp = await invite(baseUrl, room.roomId, organizers.csp!, {
    name: 'Ada Kestrel',
    role: 'negotiator',
    party: 'csp',
  });
  const app = await invite(baseUrl, room.roomId, organizers.app!, {
    name: 'Cyrus Lantern',
    role: 'negotiator',
    party: 'app',
  });
  const mediator = await appoint(baseUrl, room.roomId, organizers, {
    name: 'Mina Ortega',
    role: 'mediator',
  });
  return {
    roomId: room.roomId,
    organizerToken: room.organizerToken,
    links: {
      organizer: link(room.organizerToken),
      csp: link(csp.token),
      app: link(app.token),
      mediator: link(mediator.token),
    },
  };
}
