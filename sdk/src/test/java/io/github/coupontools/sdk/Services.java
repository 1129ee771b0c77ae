package io.github.coupontools.sdk;

import io.github.coupontools.sdk.internal.Operation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/** The client's generated services and the operation descriptors generated into them. */
final class Services {

  private Services() {}

  /** Every service the client offers: its groups, and the webhook operations. */
  static List<Object> of(CouponToolsClient client) throws ReflectiveOperationException {
    List<Object> services = new ArrayList<>();
    for (Method group : CouponToolsClient.class.getMethods()) {
      if (group.getParameterCount() == 0 && !Modifier.isStatic(group.getModifiers())
          && group.getReturnType().getPackageName().endsWith(".service")) {
        services.add(group.invoke(client));
      }
    }
    services.add(client.webhooks().service());
    return services;
  }

  /** The descriptors of every generated operation. */
  static List<Operation<?, ?>> descriptors(CouponToolsClient client)
      throws ReflectiveOperationException {
    List<Operation<?, ?>> descriptors = new ArrayList<>();
    for (Object service : of(client)) {
      for (Field field : service.getClass().getDeclaredFields()) {
        if (field.getType() == Operation.class && Modifier.isStatic(field.getModifiers())) {
          field.setAccessible(true);
          descriptors.add((Operation<?, ?>) field.get(null));
        }
      }
    }
    return descriptors;
  }
}
