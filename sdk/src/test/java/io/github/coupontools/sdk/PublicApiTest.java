package io.github.coupontools.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public surface of the SDK jar: described in {@code sdk/api/coupontools-sdk.api} (one line
 * per public type and member, committed, so a change shows in review) and held to the package,
 * mutator and JAX-RS rules. After an intended change, rewrite the description with
 * {@code ./mvnw -pl sdk -am test -Dtest=PublicApiTest -Dsurefire.failIfNoSpecifiedTests=false -Dcoupontools.api.update=true}.
 */
class PublicApiTest {

  private static final Path DESCRIPTION = Paths.get("api", "coupontools-sdk.api");
  private static final Set<String> PACKAGES = Set.of("io.github.coupontools.sdk",
      "io.github.coupontools.sdk.exception", "io.github.coupontools.sdk.model",
      "io.github.coupontools.sdk.service", "io.github.coupontools.sdk.internal");

  private static List<Class<?>> publicTypes;

  @BeforeAll
  static void load() throws IOException, ClassNotFoundException {
    Path classes = Paths.get("target", "classes");
    List<Class<?>> types = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(file -> file.toString().endsWith(".class")).sorted()
          .collect(Collectors.toList());
    }
    for (Path file : files) {
      String name = classes.relativize(file).toString().replace(file.getFileSystem()
          .getSeparator(), ".").replaceAll("\\.class$", "");
      if (name.endsWith("package-info")) {
        continue;
      }
      Class<?> type = Class.forName(name, false, PublicApiTest.class.getClassLoader());
      if (isVisible(type)) {
        types.add(type);
      }
    }
    publicTypes = types;
  }

  /** Public, and reachable: not nested in a type that is not. */
  private static boolean isVisible(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
      if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass()) {
        return false;
      }
    }
    return true;
  }

  @Test
  void theCommittedDescriptionMatchesThePublicApi() throws IOException {
    String actual = String.join("\n", describe()) + "\n";
    if (Boolean.getBoolean("coupontools.api.update")) {
      Files.writeString(DESCRIPTION, actual, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(DESCRIPTION, StandardCharsets.UTF_8))
        .as("%s is out of date: review the change, then rewrite it with -Dcoupontools.api.update=true",
            DESCRIPTION)
        .isEqualTo(actual);
  }

  @Test
  void everyPublicTypeIsInOneOfTheFivePackages() {
    assertThat(publicTypes).hasSizeGreaterThan(50);
    assertThat(publicTypes).allSatisfy(type ->
        assertThat(PACKAGES).as(type.getName()).contains(type.getPackageName()));
  }

  @Test
  void theClientAndTheServicesHaveNoMutatorsAndNoDefaultConstructor() {
    List<Class<?>> immutable = publicTypes.stream().filter(type -> type == CouponToolsClient.class
        || type == Webhooks.class || type.getPackageName().endsWith(".service"))
        .collect(Collectors.toList());
    assertThat(immutable).hasSizeGreaterThanOrEqualTo(9);
    for (Class<?> type : immutable) {
      for (Field field : type.getDeclaredFields()) {
        assertThat(Modifier.isFinal(field.getModifiers())).as("%s is final", field).isTrue();
      }
      for (Method method : type.getDeclaredMethods()) {
        if (Modifier.isPublic(method.getModifiers())) {
          assertThat(method.getName()).as("%s", method).doesNotStartWith("set")
              .isNotEqualTo("getApiClient").doesNotEndWith("WithHttpInfo");
        }
      }
      for (Constructor<?> constructor : type.getConstructors()) {
        assertThat(constructor.getParameterCount()).as("%s", constructor).isPositive();
      }
    }
  }

  /**
   * The one exception is the factory of the optional Jersey transport, whose point is to take the
   * caller's JAX-RS client; its class is loaded only by callers who use it.
   */
  @Test
  void noPublicSignatureNamesJaxRsOrGeneratorPlumbing() {
    List<String> offending = describe().stream().filter(line -> line.contains("jakarta.ws.rs")
        || line.contains("javax.ws.rs") || line.contains("org.glassfish")
        || line.contains("org.openapitools") || line.matches(".*\\b(ApiClient|ApiException|"
        + "ApiResponse|Configuration|Pair|ServerConfiguration)\\b.*"))
        .collect(Collectors.toList());
    assertThat(offending).containsExactly("  method public static "
        + "io.github.coupontools.sdk.JerseyTransport "
        + "io.github.coupontools.sdk.JerseyTransport.using(jakarta.ws.rs.client.Client)");
  }

  @Test
  void onlyJerseyTransportNeedsJaxRsToLoad() {
    List<String> needingJaxRs = publicTypes.stream().filter(type -> Stream.concat(
        Stream.of(type.getDeclaredFields()).map(Field::toGenericString),
        Stream.of(type.getDeclaredMethods()).map(Method::toGenericString))
        .anyMatch(signature -> signature.contains("jakarta.ws.rs")))
        .map(Class::getSimpleName).collect(Collectors.toList());
    assertThat(needingJaxRs).containsExactly("JerseyTransport");
  }

  /** One line per public type (with its supertypes) and per public or protected member. */
  static List<String> describe() {
    List<String> lines = new ArrayList<>();
    for (Class<?> type : publicTypes) {
      StringBuilder header = new StringBuilder(kind(type)).append(' ').append(type.getName());
      if (type.getSuperclass() != null && type.getSuperclass() != Object.class
          && !type.isEnum()) {
        header.append(" extends ").append(type.getGenericSuperclass().getTypeName());
      }
      for (java.lang.reflect.Type implemented : type.getGenericInterfaces()) {
        header.append(" implements ").append(implemented.getTypeName());
      }
      lines.add(header.toString());
      Set<String> members = new TreeSet<>();
      for (Field field : type.getDeclaredFields()) {
        if (exposed(field)) {
          members.add("  field " + field.toGenericString());
        }
      }
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        if (exposed(constructor)) {
          members.add("  constructor " + constructor.toGenericString());
        }
      }
      for (Method method : type.getDeclaredMethods()) {
        if (exposed(method) && !method.isBridge()) {
          members.add("  method " + method.toGenericString());
        }
      }
      lines.addAll(members);
    }
    return lines;
  }

  private static boolean exposed(Member member) {
    int modifiers = member.getModifiers();
    return !member.isSynthetic()
        && (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers));
  }

  private static String kind(Class<?> type) {
    if (type.isAnnotation()) {
      return "annotation";
    } else if (type.isInterface()) {
      return "interface";
    } else if (type.isEnum()) {
      return "enum";
    }
    return "class";
  }
}
