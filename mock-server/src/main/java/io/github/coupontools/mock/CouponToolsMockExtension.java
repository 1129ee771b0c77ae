package io.github.coupontools.mock;

import java.net.URI;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that runs one Prism mock of the Coupontools API for the whole test run.
 *
 * <p>The mock starts when the first test that uses the extension needs it, is shared by every
 * test class of the run, and is stopped when the run ends, whether tests passed or not. Test
 * methods, constructors and lifecycle methods receive it as a {@link PrismMock} parameter, or
 * just its base URL as a {@link URI}:
 *
 * <pre>{@code
 * @ExtendWith(CouponToolsMockExtension.class)
 * class CheckoutTest {
 *   @Test
 *   void listsCoupons(PrismMock mock) {
 *     CouponToolsClient client = CouponToolsClient.builder()
 *         .clientId(PrismMock.CLIENT_ID).clientSecret(PrismMock.CLIENT_SECRET)
 *         .baseUrl(mock.baseUrl()).build();
 *     ...
 *   }
 * }
 * }</pre>
 */
public final class CouponToolsMockExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(CouponToolsMockExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == PrismMock.class || type == URI.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
      throws ParameterResolutionException {
    PrismMock mock = mock(context);
    return parameter.getParameter().getType() == URI.class ? mock.baseUrl() : mock;
  }

  /** The run's shared mock, started on first use. */
  public static PrismMock mock(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(PrismMock.class, key -> new StoredMock(PrismMock.start()),
            StoredMock.class)
        .mock;
  }

  /**
   * Closed by JUnit when the root context (the whole run) ends: as an {@link AutoCloseable} by
   * JUnit 5.13+, as a {@code CloseableResource} by older versions.
   */
  @SuppressWarnings("deprecation")
  private static final class StoredMock
      implements AutoCloseable, ExtensionContext.Store.CloseableResource {
    private final PrismMock mock;

    StoredMock(PrismMock mock) {
      this.mock = mock;
    }

    @Override
    public void close() {
      mock.close();
    }
  }
}
