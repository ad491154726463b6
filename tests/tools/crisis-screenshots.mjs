// Screenshots of crisis mode, the posting rhythm and the planning settings in
// the real app, to look at them: tests/artifacts/crisis/*.png.
// Run under xvfb-run (see the Makefile's test-e2e) after `make build`.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { screenshot, startDriver, tempDataDir } from '../lib/app.mjs';
import { dayOfMonth, invoke, postInput } from '../lib/seed.mjs';
import { KEY, sleep } from '../lib/webdriver.mjs';

const out = new URL('../artifacts/crisis/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const shot = async (name) => {
  await sleep(400);
  screenshot(join(out, `${name}.png`));
  console.log(`wrote ${name}.png`);
};

// Published posts in the days before today; planned ones next month, so
// that no "not published yet" notice covers the window.
const PUBLISHED = [
  [6, '09:00', 'LinkedIn', 'Bilan du trimestre en chiffres'],
  [5, '12:30', 'Instagram', 'Coulisses : l’atelier du lundi'],
  [3, '18:00', 'Facebook', 'Question de la semaine'],
];
const PLANNED = [
  [2, '12:00', 'X', 'Fil : 5 idées reçues sur le lin', 'scheduled'],
  [3, '19:00', 'Instagram', 'Reel : pliage express', 'approved'],
  [4, '10:00', 'Instagram', 'Carrousel : nos teintures', 'scheduled'],
  [8, '09:30', 'LinkedIn', 'Portrait : Camille, couturière', 'in_review'],
  [9, '11:00', 'Instagram', 'Story : sondage couleurs', 'draft'],
  [10, '17:00', 'Instagram', 'Photo : la nouvelle collection', 'approved'],
  [10, '18:00', 'Instagram', 'Reel : les coulisses du shooting', 'scheduled'],
  [11, '17:00', 'Instagram', 'Story : derniers jours', 'scheduled'],
  [11, '18:30', 'Instagram', 'Photo : la vitrine de Noël', 'draft'],
  [12, '08:30', 'Instagram', 'Photo : le marché de Noël', 'approved'],
  [13, '17:00', 'TikTok', 'Défi #MonLinDuDimanche', 'draft'],
  [15, '12:30', 'Facebook', 'Live : questions-réponses', 'scheduled'],
  [16, '10:00', 'Facebook', 'Album : l’atelier en photos', 'approved'],
  [22, '11:00', 'Instagram', 'Concours de fin d’année', 'in_review'],
  [23, '14:00', 'X', 'Rappel : livraisons', 'draft'],
];

const driver = await startDriver({ TRIBU_DATA_DIR: tempDataDir(), TZ: 'Europe/Paris', LANG: 'fr_FR.UTF-8' });
const session = await driver.open();
try {
  await session.waitFor('[data-testid="view-month"]');
  await invoke(session, 'settings_set_locale', { locale: 'fr' });
  const networks = await invoke(session, 'networks_list');
  const byName = Object.fromEntries(networks.map((n) => [n.name, n.id]));
  const today = new Date();
  const nextMonth = new Date(today.getFullYear(), today.getMonth() + 1, 1);
  const daysAgo = (n) => {
    const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() - n);
    return dayOfMonth(d, d.getDate());
  };
  for (const [ago, time, network, title] of PUBLISHED) {
    const input = postInput(byName[network], { title, status: 'published', date: daysAgo(ago), time });
    await invoke(session, 'post_create', { input });
  }
  for (const [day, time, network, title, status] of PLANNED) {
    const input = postInput(byName[network], { title, status, date: dayOfMonth(nextMonth, day), time });
    await invoke(session, 'post_create', { input });
  }
  await session.click('[data-testid="nav-charter"]');
  await session.click('[data-testid="charter-template-fr"]');
  await session.waitFor('[data-testid="charter-save-state"]', {
    predicate: async (el) => /enregistr/i.test(await el.text()),
  });
  await session.click('[data-testid="nav-calendar"]');
  await session.click('[data-testid="nav-next"]');
  await session.waitFor('[data-post-id]');
  await session.waitFor('[data-testid="week-mark"]');
  await shot('01-calendar-week-marks');
  await session.click('[data-testid="view-week"]');
  await session.click('[data-testid="nav-next"]');
  await session.waitFor('.fc-timegrid [data-post-id]');
  await shot('01b-week-view');
  await session.click('[data-testid="view-month"]');

  await session.click('[data-testid="open-settings"]');
  await shot('02-settings-menu');
  await session.click('[data-testid="open-planning-settings"]');
  await session.waitFor('[data-testid="audience-zone"]');
  await session.click('[data-testid="reminder-lead-custom"]');
  const minutes = await session.waitFor('[data-testid="reminder-lead-minutes"]');
  await minutes.clear();
  await minutes.type('20000');
  await session.click('[data-testid="max-gap-days"]');
  await session.waitFor('[data-testid="field-error-reminderLeadMinutes"]');
  await shot('03-planning-settings');
  await session.pressKey(KEY.ESCAPE);
  await session.waitGone('[data-testid="planning-settings"]');

  await session.click('[data-testid="open-rhythm"]');
  await session.waitFor('[data-testid="rhythm-network"]');
  await shot('04-rhythm');
  await session.click('[data-testid="open-rhythm"]');

  await session.click('[data-testid="crisis-toggle"]');
  await (await session.waitFor('[data-testid="crisis-start-note"]')).type('Plaintes sur un lot de nappes défectueux, relayées sur X');
  await shot('05-crisis-start');
  await session.click('[data-testid="crisis-start-confirm"]');
  await session.waitFor('[data-testid="crisis-banner"]');
  await session.waitFor('[data-testid="crisis-checklist"]');
  const checks = await session.findAll('[data-testid="crisis-step-check"]');
  await checks[0].click();
  await session.waitFor('[data-testid="crisis-step-done-at"]');
  await checks[1].click();
  await sleep(300);
  await shot('06a-crisis-checklist-top');
  await (await session.find('[data-testid="crisis-note-input"]')).type('Appel avec la direction qualité : rappel du lot confirmé');
  await session.click('[data-testid="crisis-note-add"]');
  await sleep(300);
  await shot('06-crisis-checklist');
  await session.click('[data-testid="crisis-open-checklist"]');
  await shot('07-crisis-banner-calendar');
  await session.click('[data-testid="locale-en"]');
  await shot('07b-crisis-banner-en');
  await session.click('[data-testid="crisis-open-checklist"]');
  await shot('07c-crisis-checklist-en');
  await session.click('[data-testid="crisis-open-checklist"]');
  await session.click('[data-testid="locale-fr"]');
  await session.click('[data-testid="nav-charter"]');
  await shot('08-crisis-banner-charter');
  await session.click('[data-testid="nav-calendar"]');

  await session.click('[data-testid="crisis-end"]');
  await session.waitFor('[data-testid="crisis-end-confirm"]');
  await shot('09-crisis-end');
  await session.click('[data-testid="crisis-end-confirm"]');
  await session.waitGone('[data-testid="crisis-banner"]');
  await shot('10-crisis-ended');
  await session.click('[data-testid="open-settings"]');
  await session.click('[data-testid="open-crisis-history"]');
  await session.waitFor('[data-testid="crisis-history-item"]');
  await shot('11-post-mortem');
  await session.quit();
} finally {
  driver.stop();
}
