/** Keeps passwords out of everything dbm prints. */

/** A connection URL with its password replaced by `***` (unparseable input is masked whole after `:`). */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    for (const key of ['password', 'sslpassword']) if (u.searchParams.has(key)) u.searchParams.set(key, '***');
    return u.toString();
  } catch {
    return url.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@');
  }
}

/** Removes any occurrence of the URL's password from a message (drivers sometimes echo it). */
export function redactText(text: string, url: string): string {
  let password = '';
  try {
    password = decodeURIComponent(new URL(url).password);
  } catch {
    password = /\/\/[^:/@]*:([^@]*)@/.exec(url)?.[1] ?? '';
  }
  const masked = password ? text.split(password).join('***') : text;
  return masked.split(url).join(redactUrl(url));
}
