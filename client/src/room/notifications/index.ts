// The notification bell is the only part of notifications the room header needs.
export { NotificationBell } from './NotificationBell';
