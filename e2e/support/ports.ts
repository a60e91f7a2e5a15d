/** Ports of the e2e run: apart from the demo's defaults, so a running demo doesn't collide. */
export const PANEL_PORT = 3100;
export const EMULATOR_WHM_PORT = 12087;
export const EMULATOR_CPANEL_PORT = 12083;
/** The mail catcher (maildev) the demo launcher starts for the run: SMTP for the panel, HTTP for the tests. */
export const MAIL_CATCHER_SMTP_PORT = 12025;
export const MAIL_CATCHER_WEB_PORT = 12080;
