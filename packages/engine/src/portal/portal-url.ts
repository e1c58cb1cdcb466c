/** The dashboard URL to sign in with `token`: the page's script reads `#portal=` and drops it from the address bar at once. */
export function portalUrl(dashboardUrl: string, token: string): string {
  return `${dashboardUrl}#portal=${token}`;
}
