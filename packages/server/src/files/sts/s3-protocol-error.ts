// An error of the S3 upload endpoint, in S3's own terms (code + HTTP status), which S3 clients such as boto3
// read from the XML error body; the Tripo error catalogue does not apply to that surface.
export class S3ProtocolError extends Error {
  constructor(
    readonly s3Code: string,
    readonly httpStatus: number,
    message: string,
  ) {
    super(message);
    this.name = 'S3ProtocolError';
  }
}
