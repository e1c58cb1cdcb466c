/** The port the demo listens on: its sample receiver's and the only one its allowlist opens. */
export function demoPort(): number {
  return Number(process.env.PORT ?? 3000);
}
