package io.github.coupontools.sdk;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import io.github.coupontools.sdk.internal.BoundedBody;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Sends through a JAX-RS client of yours (Jersey, the JAX-RS implementation the project is
 * designed and tested with), for applications that configure HTTP there:
 * {@code CouponToolsClient.builder().transport(JerseyTransport.using(jaxRsClient))}.
 *
 * <p>Needs {@code jakarta.ws.rs-api} and a JAX-RS client implementation on the classpath; the
 * SDK itself does not bring them. The client stays yours: closing the SDK client does not close
 * it. Do not register a logging feature on it that logs headers: they carry the secret.
 * Jersey's default connector ({@code HttpURLConnection}) may re-send a POST whose connection the
 * server closed early unless {@code -Dsun.net.http.retryPost=false} is set; Jersey's Apache
 * connector does not.
 */
public final class JerseyTransport implements Transport {

  // Jersey's property names (ClientProperties), as text: only the JAX-RS API is needed here.
  private static final String CONNECT_TIMEOUT = "jersey.config.client.connectTimeout";
  private static final String READ_TIMEOUT = "jersey.config.client.readTimeout";
  private static final String FOLLOW_REDIRECTS = "jersey.config.client.followRedirects";
  private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE;

  private final Client client;

  private JerseyTransport(Client client) {
    this.client = client;
  }

  /** A transport sending with the given client, which the caller keeps and closes. */
  public static JerseyTransport using(Client client) {
    return new JerseyTransport(Objects.requireNonNull(client, "client"));
  }

  @Override
  public Response send(Request request) throws IOException {
    Invocation.Builder call = client.target(request.uri()).request()
        .property(CONNECT_TIMEOUT, (int) request.connectTimeout().toMillis())
        .property(READ_TIMEOUT, (int) request.readTimeout().toMillis())
        .property(FOLLOW_REDIRECTS, false);
    for (Map.Entry<String, String> header : request.headers()) {
      call.header(header.getKey(), header.getValue());
    }
    jakarta.ws.rs.core.Response response;
    long deadline = System.nanoTime() + request.readTimeout().toNanos();
    try {
      // GET and DELETE carry no body: an entity would turn HttpURLConnection's GET into a POST.
      response = request.body().isEmpty() ? call.method(request.method())
          : call.method(request.method(), Entity.entity(request.body().get(), JSON));
    } catch (ProcessingException failed) {
      throw asIoException(failed);
    }
    try {
      Map<String, String> headers = new HashMap<>();
      for (Map.Entry<String, List<String>> header : response.getStringHeaders().entrySet()) {
        if (!header.getValue().isEmpty()) {
          headers.put(header.getKey().toLowerCase(Locale.ROOT), header.getValue().get(0));
        }
      }
      if (!response.hasEntity()) {
        return new Response(response.getStatus(), headers, new byte[0]);
      }
      // Content-Length presizes the array; a decoding filter's longer body still reads whole.
      try (InputStream body = response.readEntity(InputStream.class)) {
        return new Response(response.getStatus(), headers, body == null ? new byte[0]
            : BoundedBody.read(body, request.maxBodyBytes(), deadline, response.getLength()));
      }
    } catch (ProcessingException failed) {
      throw asIoException(failed);
    } finally {
      response.close();
    }
  }

  /** The I/O failure inside JAX-RS's wrapper, so the client classifies it as for any transport. */
  private static IOException asIoException(ProcessingException failed) {
    for (Throwable cause = failed.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException) {
        return (IOException) cause;
      }
    }
    return new IOException(failed.getMessage(), failed);
  }

  /** Does nothing: the JAX-RS client belongs to the caller. */
  @Override
  public void close() {}

  @Override
  public String toString() {
    return "JerseyTransport[" + client.getClass().getName() + "]";
  }
}
