package io.github.coupontools.sdk.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

/**
 * Reads a response body within a deadline and a size cap, for every transport: a socket read
 * timeout alone lets a server trickle a body forever, and a gzip body can inflate past the heap.
 * The deadline is checked whenever bytes arrive; a silent server is cut off by the socket's own
 * read timeout, so a call ends at most one read timeout after its deadline.
 */
public final class BoundedBody {

  private BoundedBody() {}

  /** The body was larger than its cap once decoded. */
  public static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long limit;

    TooLargeException(long limit) {
      super("the response body is larger than " + limit + " bytes once decoded");
      this.limit = limit;
    }

    public long limit() {
      return limit;
    }
  }

  /**
   * @param deadlineNanos {@link System#nanoTime()} by which the last byte must have arrived
   * @throws SocketTimeoutException when the deadline passed before the body ended
   */
  public static byte[] read(InputStream in, long maxBytes, long deadlineNanos) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    long total = 0;
    for (int n; (n = in.read(chunk)) != -1; ) {
      total += n;
      if (total > maxBytes) {
        throw new TooLargeException(maxBytes);
      }
      out.write(chunk, 0, n);
      if (System.nanoTime() - deadlineNanos > 0) {
        throw new SocketTimeoutException("Read timed out: the whole response took longer than"
            + " the read timeout");
      }
    }
    return out.toByteArray();
  }
}
