import { JAVASCRIPT, servedAsset } from "../web/assets";
import source from "./form.client.js";

/** The form's script, served by the app's asset route. */
export const formScript = servedAsset("form.js", source, JAVASCRIPT);
