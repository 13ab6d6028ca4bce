// The /v3 success envelope (tripo-api.md §2); errors get theirs from the one error mapper, api/on-error.ts.

export interface V3SuccessBody<T> {
  code: 0;
  status: 'success';
  data: T;
}

export function v3Success<T>(data: T): V3SuccessBody<T> {
  return { code: 0, status: 'success', data };
}

/** Where presigned PUTs land; the URL's signature is the credential, so the API-key hook skips this prefix. */
export const V3_UPLOAD_PATH_PREFIX = '/v3/files/uploads/';
