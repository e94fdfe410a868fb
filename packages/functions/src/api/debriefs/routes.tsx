import { formToDebriefRequest, submitDebrief } from "@debrief/core";
import { Hono } from "hono";
import { type AppDeps, submitDepsOf } from "../deps";
import { limitBody } from "../web/http";
import { FORM_COPY } from "./copy";
import { formDefaults } from "./fields";
import { formGuard } from "./guard";
import { formRefusals, handleFormSubmission, type RenderForm } from "./submission";
import { DebriefForm, formTitle } from "./view";

/** The debrief form at `/`: the page, and its POST that stores the debrief and sends the candidate to their page. */
export function debriefFormRoutes(deps: AppDeps) {
  const app = new Hono();
  const submitDeps = submitDepsOf(deps);

  const render: RenderForm = async (c, state, fresh) => {
    const guard = await formGuard(deps, deps.log, deps.clock.now(), fresh ? undefined : state.values);
    return c.render(<DebriefForm state={state} guard={guard} />, {
      title: formTitle(state),
      description: FORM_COPY.description,
    });
  };

  app.get("/", (c) => render(c, { values: formDefaults(deps.clock.now()), restoreDraft: true }, true));

  app.post(
    "/",
    formRefusals(deps, () => render),
    limitBody(),
    (c) =>
      handleFormSubmission(c, deps, {
        via: "form",
        render,
        submit: (fields, ctx) => submitDebrief(formToDebriefRequest(fields), submitDeps, ctx),
      }),
  );

  return app;
}
