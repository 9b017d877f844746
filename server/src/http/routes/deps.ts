import type { Authenticator } from '../../auth/authenticate';
import type { ServiceContext } from '../../services/context';

export interface RouteDeps {
  services: ServiceContext;
  auth: Authenticator;
}
