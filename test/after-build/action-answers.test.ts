import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SEED_IDS } from "../../lib/demo";
import { actionId, callAction } from "../helpers/console-http";
import { suiteConsole } from "../helpers/suite-console";

// A consumer-group action answers with its result alone (lib/actions/define-action.ts): the
// Data Consume page draws what the writes change from the groups query in the browser, so no
// answer carries a new server render of the page (README "Benchmark": that render cost more than
// the password hash). The page's own words are the mark of a render.
const PASSWORD = "ActionAnswers#2026";
const CONSUME = `/change-tracking/${SEED_IDS.empty}/consume`;
const PAGE_MARKS = /Usage notes|How consumers connect|Add Consumer Group/;

describe("consumer-group actions answer with their result alone", () => {
  const app = suiteConsole("action-answers", PASSWORD);

  it("create, change password, reset password and delete: no page in the answer", async () => {
    const call = async (name: string, input: object) => {
      const answer = await callAction(app.server.url, app.cookie, actionId(name), [input], CONSUME);
      assert.equal(answer.status, 200, name);
      assert.equal(answer.result?.ok, true, `${name}: ${answer.text.slice(0, 300)}`);
      assert.doesNotMatch(answer.text, PAGE_MARKS, `${name} answered with the page`);
      return answer.result?.data as { id: string };
    };
    // The mark is real: the page itself carries it.
    const page = await fetch(app.server.url + CONSUME, { headers: { cookie: app.cookie } });
    assert.match(await page.text(), PAGE_MARKS);

    const password = "Answer#2026x";
    const { id: groupId } = await call("createConsumerGroup", {
      instanceId: SEED_IDS.empty,
      name: "answers",
      account: "answers",
      password,
      confirmPassword: password,
    });
    const next = "Answer#2027y";
    await call("changeConsumerGroupPassword", { groupId, oldPassword: password, newPassword: next, confirmPassword: next });
    await call("resetConsumerGroupPassword", { groupId, newPassword: password, confirmPassword: password });
    await call("deleteConsumerGroup", { groupId });
  });
});
