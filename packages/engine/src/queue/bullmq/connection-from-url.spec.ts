import { QueueConfigError } from '../queue-config-error';
import { bullMqConnectionFromUrl } from './connection-from-url';

describe('bullMqConnectionFromUrl', () => {
  it('reads host, port, password and database', () => {
    expect(bullMqConnectionFromUrl('redis://:s%40cret@redis.internal:6380/2')).toEqual({
      host: 'redis.internal',
      port: 6380,
      password: 's@cret',
      db: 2,
    });
  });

  it('defaults the port, and leaves out what the URL does not say', () => {
    expect(bullMqConnectionFromUrl('redis://127.0.0.1')).toEqual({ host: '127.0.0.1', port: 6379 });
    expect(bullMqConnectionFromUrl('redis://127.0.0.1:6379/')).toEqual({ host: '127.0.0.1', port: 6379 });
  });

  it('reads a username, an IPv6 host and TLS', () => {
    expect(bullMqConnectionFromUrl('rediss://app:pw@[::1]:6390/0')).toEqual({
      host: '::1',
      port: 6390,
      username: 'app',
      password: 'pw',
      db: 0,
      tls: {},
    });
  });

  it('rejects what is not a Redis URL without echoing its password', () => {
    expect(() => bullMqConnectionFromUrl('http://localhost:6379')).toThrow(QueueConfigError);
    expect(() => bullMqConnectionFromUrl('redis://localhost/one')).toThrow(/not a number/);
    expect(() => bullMqConnectionFromUrl('redis://:hunter2@')).toThrow(QueueConfigError);
    try {
      bullMqConnectionFromUrl('not a url :hunter2@');
    } catch (error) {
      expect(String(error)).not.toContain('hunter2');
    }
  });
});
