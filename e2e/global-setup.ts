/** Before the browser suites: a current build of the web UI. */
import { ensureWebBuilt } from './support/web-build.js';

export default function setup(): void {
  ensureWebBuilt();
}
