package io.github.coupontools.sdk.exception;

import java.util.Optional;

/**
 * The server answered with a redirect (HTTP 3xx). The API documents none, so the SDK never
 * follows one: the request, its body and its credentials were not sent to the {@link #location()}.
 */
public class RedirectNotFollowedException extends UnexpectedResponseException {
  private static final long serialVersionUID = 1L;

  private final String location;

  public RedirectNotFollowedException(String message, int httpStatus, String location,
      String rawBody) {
    super(message, httpStatus, rawBody);
    this.location = location;
  }

  /** The {@code Location} the server named, if it named one. */
  public Optional<String> location() {
    return Optional.ofNullable(location);
  }
}
