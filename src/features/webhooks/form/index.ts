export { WebhookFormDialog } from './webhook-form-dialog'
