/** The page, with the absolute paths of its own files and of the API filled in (HTML-escaped). */
export function dashboardPage(template: string, paths: { base: string; api: string }): string {
  return template.replace(/\{\{(base|api)\}\}/g, (_match, name: 'base' | 'api') => escapeHtml(paths[name]));
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
