/** The part of the official Duo Node client (@duosecurity/duo_api, CommonJS, no types) the harness drives. */
declare module '@duosecurity/duo_api' {
  export const SIGNATURE_VERSION_2: 2;
  export const SIGNATURE_VERSION_5: 5;
  export class Client {
    constructor(ikey: string, skey: string, host: string, sigVersion?: 2 | 5);
    jsonApiCall(method: string, path: string, params: Record<string, string>, callback: (response: DuoClientResponse) => void): void;
  }
  export interface DuoClientResponse {
    stat: 'OK' | 'FAIL' | 'ERROR';
    response?: unknown;
    code?: number;
    message?: string;
  }
}
