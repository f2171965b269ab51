/**
 * The manifest's commands page (FunctionFile, https://localhost:3000/commands.html).
 * The only ribbon button opens the task pane (ShowTaskpane), so no function is
 * associated; Office still loads the page and expects Office.onReady to be called.
 * Outside Office (the page opened directly) it resolves at once.
 */
export async function startCommandsPage(): Promise<void> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return;
  await Office.onReady();
}
