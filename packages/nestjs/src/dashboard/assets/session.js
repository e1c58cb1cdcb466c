// The API key lives in sessionStorage: gone when the tab closes, never sent anywhere but the API.
const KEY = 'hookline.apiKey';

export function readKey() {
  return sessionStorage.getItem(KEY) ?? '';
}

export function saveKey(key) {
  sessionStorage.setItem(KEY, key.trim());
}

export function clearKey() {
  sessionStorage.removeItem(KEY);
}
