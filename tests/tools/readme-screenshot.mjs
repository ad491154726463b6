// Makes docs/screenshot-month.png for the README: a workspace filled with a
// month of realistic sample posts, shown in the month view of the real app.
// Run: make screenshot

import { mkdirSync } from 'node:fs';
import { screenshot, startDriver, tempDataDir } from '../lib/app.mjs';
import { dayOfMonth, invoke, postInput } from '../lib/seed.mjs';
import { sleep } from '../lib/webdriver.mjs';

const SAMPLES = [
  [2, '09:00', 'LinkedIn', 'Bilan du trimestre en chiffres', 'published', 'article', 'Résultats'],
  [3, '12:30', 'Instagram', 'Coulisses : l’atelier du lundi', 'published', 'photo', 'Coulisses'],
  [5, '18:00', 'Facebook', 'Question de la semaine', 'published', 'poll', 'Communauté'],
  [8, '10:00', 'Blog', 'Guide : bien choisir sa taille', 'scheduled', 'article', 'Conseils'],
  [9, '12:00', 'X', 'Fil : 5 idées reçues sur le lin', 'scheduled', 'text', 'Conseils'],
  [10, '19:00', 'Instagram', 'Reel : pliage express', 'approved', 'story', 'Tutoriels'],
  [12, '09:30', 'LinkedIn', 'Portrait : Camille, couturière', 'in_review', 'photo', 'Équipe'],
  [15, '17:00', 'TikTok', 'Défi #MonLinDuDimanche', 'draft', 'video', 'Communauté'],
  [16, '08:00', 'Newsletter', 'Lettre de novembre', 'approved', 'newsletter', 'Résultats'],
  [17, '12:30', 'Facebook', 'Live : questions-réponses', 'scheduled', 'live', 'Communauté'],
  [19, '18:30', 'Pinterest', 'Tableau : intérieurs d’hiver', 'draft', 'infographic', 'Inspiration'],
  [22, '11:00', 'Instagram', 'Concours de Noël', 'in_review', 'contest', 'Temps forts'],
  [23, '09:00', 'YouTube', 'Visite de l’atelier', 'draft', 'video', 'Coulisses'],
  [25, '14:00', 'X', 'Rappel : livraisons avant Noël', 'draft', 'text', 'Service client'],
  [26, '10:00', 'LinkedIn', 'Offre : stage en atelier', 'idea', 'text', 'Équipe'],
  [27, '20:00', 'Forum', 'Sujet : vos astuces d’entretien', 'draft', 'text', 'Conseils'],
];
const IDEAS = ['Série « un jour, un métier »', 'Sondage : couleur de la saison', 'Partenariat avec une créatrice'];

const driver = await startDriver({ TRIBU_DATA_DIR: tempDataDir(), TZ: 'Europe/Paris', LANG: 'fr_FR.UTF-8' });
const session = await driver.open();
try {
  await session.waitFor('[data-testid="view-month"]');
  const networks = await invoke(session, 'networks_list');
  const byName = Object.fromEntries(networks.map((n) => [n.name, n.id]));
  const today = new Date();
  for (const [day, time, network, title, status, format, theme] of SAMPLES) {
    // What lies before today went out: published, not late.
    const shownStatus = day < today.getDate() ? 'published' : status;
    const input = postInput(byName[network], { title, status: shownStatus, format, theme, date: dayOfMonth(today, day), time });
    await invoke(session, 'post_create', { input });
  }
  for (const title of IDEAS) {
    await invoke(session, 'post_create', { input: postInput(byName.Instagram, { title, status: 'idea', zone: null }) });
  }
  await invoke(session, 'key_date_create', { input: { date: dayOfMonth(today, 27), label: 'Black Friday', kind: 'sale' } });
  await invoke(session, 'settings_set_locale', { locale: 'fr' });
  // Relaunch so the calendar shows what was stored, as a user would see it.
  await session.quit();
  const view = await driver.open();
  await view.waitFor('[data-post-id]');
  await sleep(800);
  mkdirSync(new URL('../../docs/', import.meta.url), { recursive: true });
  screenshot(new URL('../../docs/screenshot-month.png', import.meta.url).pathname);
  await view.quit();
  console.log('wrote docs/screenshot-month.png');
} finally {
  driver.stop();
}
