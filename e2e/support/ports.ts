/** Ports of the e2e run: apart from the demo's defaults, so a running demo doesn't collide. */
export const PANEL_PORT = 3100;
export const EMULATOR_WHM_PORT = 12087;
export const EMULATOR_CPANEL_PORT = 12083;
