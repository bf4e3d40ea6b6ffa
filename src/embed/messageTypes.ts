/** The `type` of host API messages; on its own so the tag (embed.js) does not pull in the core. */
export const COMMAND_TYPE = 'swsusp-viz:command';
export const EVENT_TYPE = 'swsusp-viz:event';
