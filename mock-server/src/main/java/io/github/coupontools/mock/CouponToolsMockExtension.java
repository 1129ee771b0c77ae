package io.github.coupontools.mock;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
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
 *
 * <p>On a class annotated {@link StatefulMock} the extension provides the stateful
 * {@link CouponToolsSimulator} instead (one for the whole run, like the mock, its state reset before
 * each test), and a {@code URI} parameter is the simulator's base URL; a {@link PrismMock}
 * parameter is still the stateless mock.
 */
public final class CouponToolsMockExtension
    implements ParameterResolver, BeforeEachCallback, AfterEachCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(CouponToolsMockExtension.class);
  private static final String INVALID_BEFORE = "invalid-responses-before";

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == PrismMock.class || type == URI.class || type == CouponToolsSimulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
      throws ParameterResolutionException {
    Class<?> type = parameter.getParameter().getType();
    if (type == CouponToolsSimulator.class
        || (type == URI.class && stateful(context).isPresent())) {
      CouponToolsSimulator simulator = simulator(context);
      return type == URI.class ? simulator.baseUrl() : simulator;
    }
    PrismMock mock = mock(context);
    return type == URI.class ? mock.baseUrl() : mock;
  }

  /** Resets the simulator of a {@link StatefulMock} class to its seed before each test. */
  @Override
  public void beforeEach(ExtensionContext context) {
    Optional<StatefulMock> stateful = stateful(context);
    if (stateful.isPresent()) {
      CouponToolsSimulator simulator = simulator(context);
      simulator.reset(stateful.get().seed());
      context.getStore(NAMESPACE).put(INVALID_BEFORE, simulator.invalidResponses());
    }
  }

  /** Fails the test if the simulator served a response that does not validate during it. */
  @Override
  public void afterEach(ExtensionContext context) {
    Long before = context.getStore(NAMESPACE).get(INVALID_BEFORE, Long.class);
    if (before == null) {
      return;
    }
    CouponToolsSimulator simulator = simulator(context);
    long invalid = simulator.invalidResponses() - before;
    if (invalid > 0) {
      throw new AssertionError("The simulator served " + invalid + " response(s) that do not"
          + " validate against the contract (answered with HTTP 500):" + System.lineSeparator()
          + simulator.recentLog());
    }
  }

  /** The run's shared simulator, started on first use. */
  public static CouponToolsSimulator simulator(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(CouponToolsSimulator.class,
            key -> new StoredSimulator(CouponToolsSimulator.start()), StoredSimulator.class)
        .simulator;
  }

  private static Optional<StatefulMock> stateful(ExtensionContext context) {
    for (Optional<ExtensionContext> at = Optional.of(context); at.isPresent();
        at = at.get().getParent()) {
      Optional<StatefulMock> found = at.get().getTestClass()
          .map(type -> type.getAnnotation(StatefulMock.class));
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
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

  @SuppressWarnings("deprecation")
  private static final class StoredSimulator
      implements AutoCloseable, ExtensionContext.Store.CloseableResource {
    private final CouponToolsSimulator simulator;

    StoredSimulator(CouponToolsSimulator simulator) {
      this.simulator = simulator;
    }

    @Override
    public void close() {
      simulator.close();
    }
  }
}
