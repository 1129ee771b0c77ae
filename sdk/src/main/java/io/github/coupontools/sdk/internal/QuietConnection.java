package io.github.coupontools.sdk.internal;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.util.Timeout;

/**
 * The pool's HTTP/1.1 connection, without logging. Apache HttpClient's own connection writes
 * every request header, {@code X-Client-Secret} included, to its DEBUG loggers
 * ({@code org.apache.hc.client5.http.headers} and {@code .wire}); this one writes nothing, so the
 * secret stays out of logs at every level.
 */
final class QuietConnection extends DefaultBHttpClientConnection
    implements ManagedHttpClientConnection {

  /** Creates the pool's connections. */
  static final HttpConnectionFactory<ManagedHttpClientConnection> FACTORY = socket -> {
    QuietConnection connection = new QuietConnection();
    if (socket != null) {
      connection.bind(socket);
    }
    return connection;
  };

  private volatile Timeout activeTimeout;

  private QuietConnection() {
    super(Http1Config.DEFAULT);
  }

  @Override
  public void bind(Socket socket) throws IOException {
    super.bind(socket);
    activeTimeout = Timeout.ofMilliseconds(socket.getSoTimeout());
  }

  @Override
  public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
    super.bind(sslSocket, socket);
    activeTimeout = Timeout.ofMilliseconds(sslSocket.getSoTimeout());
  }

  @Override
  public Socket getSocket() {
    SocketHolder holder = getSocketHolder();
    return holder == null ? null : holder.getSocket();
  }

  @Override
  public void setSocketTimeout(Timeout timeout) {
    super.setSocketTimeout(timeout);
    activeTimeout = timeout;
  }

  /** Idle in the pool: no read timeout, as the pool's own connection does. */
  @Override
  public void passivate() {
    super.setSocketTimeout(Timeout.ZERO_MILLISECONDS);
  }

  @Override
  public void activate() {
    super.setSocketTimeout(activeTimeout);
  }
}
