package io.github.coupontools.sdk.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.Arrays;

/**
 * Reads a response body within a deadline and a size cap, for every transport: a socket read
 * timeout alone lets a server trickle a body forever, and a gzip body can inflate past the heap.
 * The deadline is checked whenever bytes arrive; a silent server is cut off by the socket's own
 * read timeout, so a call ends at most one read timeout after its deadline.
 */
public final class BoundedBody {

  /** Above this an announced length is not trusted with an array of its size up front. */
  private static final int MAX_PRESIZED = 1 << 20;

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
   * Reads straight into an array of the announced size ({@code Content-Length}, or -1 when not
   * known) when it is within the cap; a body longer than announced is still read whole and capped.
   *
   * @param deadlineNanos {@link System#nanoTime()} by which the last byte must have arrived
   * @throws SocketTimeoutException when the deadline passed before the body ended
   */
  public static byte[] read(InputStream in, long maxBytes, long deadlineNanos, long announcedBytes)
      throws IOException {
    byte[] announced = new byte[0];
    int filled = 0;
    if (announcedBytes > 0 && announcedBytes <= Math.min(maxBytes, MAX_PRESIZED)) {
      announced = new byte[(int) announcedBytes];
      while (filled < announced.length) {
        int n = in.read(announced, filled, announced.length - filled);
        if (n == -1) {
          return Arrays.copyOf(announced, filled);
        }
        filled += n;
        checkDeadline(deadlineNanos);
      }
      int next = in.read();
      if (next == -1) {
        return announced;
      }
      announced = Arrays.copyOf(announced, filled + 1);
      announced[filled++] = (byte) next;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(32, filled));
    out.write(announced, 0, filled);
    byte[] chunk = new byte[8192];
    long total = filled;
    if (total > maxBytes) {
      throw new TooLargeException(maxBytes);
    }
    for (int n; (n = in.read(chunk)) != -1; ) {
      total += n;
      if (total > maxBytes) {
        throw new TooLargeException(maxBytes);
      }
      out.write(chunk, 0, n);
      checkDeadline(deadlineNanos);
    }
    return out.toByteArray();
  }

  private static void checkDeadline(long deadlineNanos) throws SocketTimeoutException {
    if (System.nanoTime() - deadlineNanos > 0) {
      throw new SocketTimeoutException("Read timed out: the whole response took longer than"
          + " the read timeout");
    }
  }
}
