import { mount } from 'svelte';
import App from './App.svelte';
import { chooseLocale, setLocale } from './lib/i18n';
import './app.css';
import './lib/calendar/theme.css';

// Until the workspace answers, speak the webview's language so even a
// startup error reads naturally.
setLocale(chooseLocale(null, null, navigator.language));

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');

export default mount(App, { target });
