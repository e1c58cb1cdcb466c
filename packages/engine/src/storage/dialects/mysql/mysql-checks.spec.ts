import { binlogProblem, versionProblem } from './mysql-checks';

describe('MySQL server checks', () => {
  it.each(['8.0.4', '8.4.3', '9.1.0', '10.6.0-MariaDB', '10.11.6-MariaDB-0+deb12u1', '11.4.2-MariaDB'])('accepts %s', (version) => {
    expect(versionProblem(version)).toBeUndefined();
  });

  it.each(['5.7.44', '8.0.3', '10.5.23-MariaDB', '10.4.0-MariaDB-log'])('refuses %s, naming the versions it needs', (version) => {
    expect(versionProblem(version)).toMatch(new RegExp(`${version.replace(/[.+]/g, '\\$&')}; Hookline needs MySQL 8.0.4\\+ or MariaDB 10.6\\+`));
  });

  it('refuses a statement-format binary log only when the binary log is on', () => {
    expect(binlogProblem({ version: '8.4.3', logBin: 1, binlogFormat: 'STATEMENT' })).toMatch(/STATEMENT format.*ROW.*MIXED/);
    expect(binlogProblem({ version: '8.4.3', logBin: 0, binlogFormat: 'STATEMENT' })).toBeUndefined();
    expect(binlogProblem({ version: '8.4.3', logBin: 1, binlogFormat: 'ROW' })).toBeUndefined();
    expect(binlogProblem({ version: '10.11.6-MariaDB', logBin: '1', binlogFormat: 'MIXED' })).toBeUndefined();
  });
});
