/** Entry point on every page: the theme toggle. */
import { setUpThemeToggle } from './theme.ts';

setUpThemeToggle(document.querySelector<HTMLButtonElement>('[data-action="theme"]'));
