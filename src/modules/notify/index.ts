export type { NotifyChannel, PhoneChannel } from '../../contract/enums';
export { type DeliveryOutcome, deliverPendingNotifications } from './delivery';
export {
  type DeliveryState,
  deliveryStateOf,
  deliveryStates,
  enqueueNotification,
  notificationsInsert,
  notificationsRows,
  type OutboxMessage,
} from './outbox';
export { capPhoneText, fitPhoneText, PHONE_TEXT_MAX_CHARS, phoneMessages } from './phone';
