import { JAVASCRIPT, servedAsset } from "../web/assets";
import source from "./candidate.client.js";

/** The candidate page's script, served by the app's asset route. */
export const candidateScript = servedAsset("candidate.js", source, JAVASCRIPT);
