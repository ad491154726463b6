// Filling form fields as a person would, with the one fallback WebKitGTK needs.

import assert from 'node:assert/strict';

/** Types `value` into the field `[data-testid=testid]` and checks it holds it. */
export async function setField(session, testid, value) {
  const el = await session.find(`[data-testid="${testid}"]`);
  await el.clear();
  await el.type(value);
  if ((await el.property('value')) !== value) {
    // Date and time widgets of WebKitGTK do not always take typed text;
    // set the value as the widget itself would, then tell the app.
    await session.execute(
      `const el = arguments[0]; el.value = arguments[1];
       el.dispatchEvent(new Event('input', { bubbles: true }));
       el.dispatchEvent(new Event('change', { bubbles: true }));`,
      [el, value],
    );
  }
  assert.equal(await el.property('value'), value, `${testid} holds ${value}`);
}
