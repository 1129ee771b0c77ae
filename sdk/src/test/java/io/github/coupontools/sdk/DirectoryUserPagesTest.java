package io.github.coupontools.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.coupontools.sdk.model.DirectoryRegistration;
import io.github.coupontools.sdk.model.ListDirectoryUsersV3Request;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code directoryUserPages()} walks {@code directoryusers/list} (100 users per page) lazily and
 * finds the users in the answer whatever the undocumented key of their list.
 */
class DirectoryUserPagesTest {

  private static final String USERS = "/v3/directoryusers/list";
  @RegisterExtension
  static final WireMockExtension server = LocalWireMock.server();
  private static CouponToolsClient client;

  @BeforeAll
  static void start() {
    client = LocalWireMock.client(server, "directory-pages");
  }

  @AfterAll
  static void stop() {
    client.close();
  }

  @Test
  void readsFullPagesUntilAShortOneNewestFirstAsTheyCome() {
    page(1, "users", 0, 100);
    page(2, "users", 100, 100);
    page(3, "users", 200, 7);

    List<Long> ids = client.directoryUserPages().all(request())
        .map(DirectoryRegistration::getUserId).collect(Collectors.toList());

    assertThat(ids).hasSize(207).doesNotHaveDuplicates();
    assertThat(ids.get(0)).isEqualTo(5000L);
    assertThat(ids.get(206)).isEqualTo(5206L);
    server.verify(3, postRequestedFor(urlEqualTo(USERS)));
    server.verify(postRequestedFor(urlEqualTo(USERS)).withRequestBody(
        equalToJson("{\"directory\":\"dir_12345\",\"page\":3}")));
  }

  @Test
  void findsTheUsersUnderAnyKeyAndReadsTheDocumentedFields() {
    page(1, "registrations", 0, 2);

    List<DirectoryRegistration> users = client.directoryUserPages().all(request())
        .collect(Collectors.toList());

    assertThat(users).hasSize(2);
    assertThat(users.get(0).getEmail()).isEqualTo("user0@example.com");
    assertThat(users.get(0).getBirthday()).isEqualTo(LocalDate.of(1980, 2, 2));
  }

  @Test
  void fetchesTheNextPageOnlyWhenItIsNeeded() {
    page(1, "users", 0, 100);
    page(2, "users", 100, 100);

    Iterator<DirectoryRegistration> lazy = client.directoryUserPages().all(request()).iterator();
    server.verify(0, postRequestedFor(urlEqualTo(USERS)));
    for (int i = 0; i < 100; i++) {
      lazy.next();
    }
    server.verify(1, postRequestedFor(urlEqualTo(USERS)));
    lazy.next();
    server.verify(2, postRequestedFor(urlEqualTo(USERS)));
  }

  @Test
  void anAnswerWithoutAListEndsTheWalk() {
    server.stubFor(post(urlEqualTo(USERS)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"status\":{\"status\":\"OK\"}}")));
    ListDirectoryUsersV3Request request = request();

    assertThat(client.directoryUserPages().all(request)).isEmpty();
    server.verify(1, postRequestedFor(urlEqualTo(USERS)));
    assertThat(request.getPage()).as("the caller's request is not modified").isNull();
  }

  private static ListDirectoryUsersV3Request request() {
    return new ListDirectoryUsersV3Request().directory("dir_12345");
  }

  private static void page(int page, String key, int first, int count) {
    String users = IntStream.range(first, first + count)
        .mapToObj(i -> "{\"userId\":\"" + (5000 + i) + "\",\"first_name\":\"U" + i
            + "\",\"email\":\"user" + i + "@example.com\",\"birthday\":\"1980-02-02\"}")
        .collect(Collectors.joining(","));
    server.stubFor(post(urlEqualTo(USERS))
        .withRequestBody(matchingJsonPath("$.page", equalToJson(Integer.toString(page))))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"status\":{\"status\":\"OK\"},\"directory\":\"dir_12345\",\""
                + key + "\":[" + users + "]}")));
  }
}
