import { JAVASCRIPT, servedAsset } from "../web/assets";
import source from "./admin.client.js";

/** The centre admin page's script, served by the app's asset route. */
export const centreAdminScript = servedAsset("centre-admin.js", source, JAVASCRIPT);
