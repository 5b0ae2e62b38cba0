export * from './webhook-url'
export * from './headers'
export * from './scim-filter'
export * from './text'
