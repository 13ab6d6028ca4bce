// The object keys of STS uploads and the `{"object": {"bucket", "key"}}` file references that name them:
// `tcli_<client id>/<YYYYMMDD>/<upload id>/input.<format>` in this deployment's upload bucket, as Tripo's are.

/**
 * The bucket STS credentials name. Not a DNS-compatible name (the underscore), so S3 clients (boto3, the AWS SDK
 * for JavaScript) address it path-style, `https://<s3_host>/polyforge_uploads/<key>`: no per-bucket DNS name needed.
 */
export const STS_UPLOAD_BUCKET = 'polyforge_uploads';

const KEY_PATTERN =
  /^(tcli_[0-9A-Za-z]+)\/(\d{8})\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/input\.([a-z0-9]{1,8})$/;

export function stsObjectKey(clientId: string, dateMs: number, uploadId: string, format: string): string {
  const day = new Date(dateMs).toISOString().slice(0, 10).replace(/-/g, '');
  return `${clientId}/${day}/${uploadId}/input.${format}`;
}

/** The upload id inside a key of this deployment's shape, or undefined. */
export function uploadIdOfStsKey(key: string): string | undefined {
  return KEY_PATTERN.exec(key)?.[3];
}
