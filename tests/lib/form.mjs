// Filling form fields as a person would, with the one fallback WebKitGTK needs.

import assert from 'node:assert/strict';

/** Types `value` into the field `[data-testid=testid]` and checks it holds it. */
export async function setField(session, testid, value) {
  const el = await session.find(`[data-testid="${testid}"]`);
  // In the middle of its scrolling panel, as a person would bring it: at
  // the bottom edge the editor's sticky footer would cover it.
  await session.execute("arguments[0].scrollIntoView({ block: 'center' })", [el]);
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

/**
 * Picks the option `value` of the select `[data-testid=testid]` by clicking
 * it, as a person would; sets it as the widget would when the click does not
 * take (an option list WebKitGTK draws outside the page).
 */
export async function setSelect(session, testid, value) {
  const select = await session.find(`[data-testid="${testid}"]`);
  try {
    await (await select.find(`option[value="${value}"]`)).click();
  } catch {
    /* falls back below */
  }
  if ((await select.property('value')) !== value) {
    await session.execute(
      `const el = arguments[0]; el.value = arguments[1];
       el.dispatchEvent(new Event('input', { bubbles: true }));
       el.dispatchEvent(new Event('change', { bubbles: true }));`,
      [select, value],
    );
  }
  assert.equal(await select.property('value'), value, `${testid} holds ${value}`);
}
