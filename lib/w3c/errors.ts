import { AppError } from "../errors";

/** A deleted annotation, asked for by someone who could see it before: the Protocol's 410. */
export class GoneError extends AppError {
  constructor(what = "Annotation") {
    super(410, "gone", `${what} was deleted`);
  }
}

/** A body in a media type the endpoint does not read. */
export class UnsupportedMediaTypeError extends AppError {
  constructor(accepted: readonly string[]) {
    super(415, "unsupported_media_type", `Send the body as one of: ${accepted.join(", ")}`);
  }
}

/** An Accept header that rules out every type the endpoint can answer with. */
export class NotAcceptableError extends AppError {
  constructor(offered: readonly string[]) {
    super(406, "not_acceptable", `This resource is available as: ${offered.join(", ")}`);
  }
}

/** An import with more annotations than one request may carry. */
export class TooManyItemsError extends AppError {
  constructor(limit: number) {
    super(413, "too_many_items", `At most ${limit} annotations per import; split the file`);
  }
}
