import type { EventType } from '../src/api/schemas'
import { EVENT_TYPE_RENAMES } from '../src/lib/event-renames'

// The 20 event types of Qlik's supported-event-types page (webhooks-api.md
// §10), and beside the three IAM events Qlik deprecated (changelog 244) the
// Core names that replace them. `deprecated` and `replacedBy` are the mock's
// own fields: Qlik publishes no shape for Core's catalogue.
const both = ['user', 'tenant']
const tenantOnly = ['tenant']

const entry = (name: string, title: string, category: string, levels: string[], description: string): EventType => ({
  name,
  title,
  category,
  levels,
  description,
  ...(EVENT_TYPE_RENAMES[name] ? { deprecated: true, replacedBy: EVENT_TYPE_RENAMES[name] } : {}),
})

export const EVENT_TYPES: EventType[] = [
  entry('com.qlik.v1.app.created', 'App created', 'Analytics apps', both, 'An analytics app was created.'),
  entry('com.qlik.v1.app.deleted', 'App deleted', 'Analytics apps', tenantOnly, 'An analytics app was deleted.'),
  entry('com.qlik.v1.app.exported', 'App exported', 'Analytics apps', both, 'An analytics app was exported.'),
  entry('com.qlik.v1.app.published', 'App published', 'Analytics apps', both, 'An analytics app was published to a managed space.'),
  entry('com.qlik.v1.app.data.updated', 'App data updated', 'Analytics apps', both, 'The data of an analytics app was updated.'),
  entry(
    'com.qlik.v1.app.reload.finished',
    'App reload finished',
    'Analytics apps',
    both,
    'The engine finished reloading an app; the app may not be saved yet.',
  ),
  entry('com.qlik.v1.reload.finished', 'Reload finished', 'Analytics apps', both, 'A reload finished and the app was saved.'),
  entry(
    'com.qlik.core.api-key.validation.failed',
    'API key validation failed',
    'API keys',
    tenantOnly,
    'A request used an API key that failed validation (expired or revoked).',
  ),
  entry(
    'com.qlik.v1.api-key.validation.failed',
    'API key validation failed (v1)',
    'API keys',
    tenantOnly,
    'A request used an API key that failed validation. Deprecated: use com.qlik.core.api-key.validation.failed.',
  ),
  entry('com.qlik.core.user.created', 'User created', 'Users', tenantOnly, 'A user was added to the tenant.'),
  entry(
    'com.qlik.v1.user.created',
    'User created (v1)',
    'Users',
    tenantOnly,
    'A user was added to the tenant. Deprecated: use com.qlik.core.user.created.',
  ),
  entry('com.qlik.core.user.deleted', 'User deleted', 'Users', tenantOnly, 'A user was deleted from the tenant.'),
  entry(
    'com.qlik.v1.user.deleted',
    'User deleted (v1)',
    'Users',
    tenantOnly,
    'A user was deleted from the tenant. Deprecated: use com.qlik.core.user.deleted.',
  ),
  entry('com.qlik.v1.automation.created', 'Automation created', 'Automations', both, 'An automation was created.'),
  entry('com.qlik.v1.automation.updated', 'Automation updated', 'Automations', both, 'An automation was updated.'),
  entry('com.qlik.v1.automation.deleted', 'Automation deleted', 'Automations', both, 'An automation was deleted.'),
  entry('com.qlik.v1.automation.run.started', 'Automation run started', 'Automations', both, 'An automation run started.'),
  entry('com.qlik.v1.automation.run.ended', 'Automation run ended', 'Automations', both, 'An automation run ended.'),
  entry('com.qlik.v1.automation.run.failed', 'Automation run failed', 'Automations', both, 'An automation run failed.'),
  entry(
    'com.qlik.v1.di-projects.di-tasks.started',
    'Data integration task started',
    'Data integration projects',
    both,
    'A data integration task started.',
  ),
  entry(
    'com.qlik.v1.di-projects.di-tasks.completed',
    'Data integration task completed',
    'Data integration projects',
    both,
    'A data integration task completed.',
  ),
  entry(
    'com.qlik.v1.di-projects.di-tasks.failed',
    'Data integration task failed',
    'Data integration projects',
    both,
    'A data integration task failed.',
  ),
  entry(
    'com.qlik.v1.di-projects.di-tasks.stopped',
    'Data integration task stopped',
    'Data integration projects',
    both,
    'A data integration task was stopped.',
  ),
]
