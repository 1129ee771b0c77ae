package io.github.coupontools.contract;

import static io.github.coupontools.contract.SpecInteraction.CONSUMER;
import static io.github.coupontools.contract.SpecInteraction.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.github.coupontools.sdk.exception.AuthenticationException;
import io.github.coupontools.sdk.model.CreateDirectoryUserRequest;
import io.github.coupontools.sdk.model.DirectoryRegistration;
import io.github.coupontools.sdk.model.GrantDirectoryAccessRequest;
import io.github.coupontools.sdk.model.UpdateDirectoryUserRequest;
import io.github.coupontools.sdk.model.V4Directory;
import io.github.coupontools.sdk.service.DirectoryService;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Consumer contract of the "Directory" section (v4 REST: GET and DELETE with path parameters,
 * bare JSON answers, both credential header pairs). The v4 error format is not documented, so
 * each operation's error interaction is the documented authentication failure.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, hostInterface = "127.0.0.1", pactVersion = PactSpecVersion.V4)
class DirectoryContractTest extends ConsumerContract {

  private static final String REVOKED = "revoked-client-secret";

  private static SpecInteraction success(PactDslWithProvider builder, String operationId,
      String state, String description) {
    return SpecInteraction.of(builder, operationId).given(state).uponReceiving(description);
  }

  private static SpecInteraction rejected(PactDslWithProvider builder, String operationId) {
    return SpecInteraction.of(builder, operationId).given(ProviderStates.CREDENTIALS_REJECTED)
        .uponReceiving(operationId + " with a revoked client secret").withClientSecret(REVOKED);
  }

  private DirectoryService directories(MockServer server) {
    return client(server).directories();
  }

  private void failsWithRejectedCredentials(MockServer server,
      java.util.function.Consumer<DirectoryService> call) {
    DirectoryService revoked = client(server, REVOKED).directories();
    ThrowingCallable callable = () -> call.accept(revoked);
    assertFailsWith(AuthenticationException.class, 401, 1000, null, callable);
  }

  @Pact(consumer = CONSUMER)
  V4Pact listDirectories(PactDslWithProvider builder) {
    return success(builder, "listDirectories", ProviderStates.DIRECTORIES,
        "a request for the directories").withoutBody().respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "listDirectories")
  void listDirectoriesReturnsTheDirectoriesAsABareArray(MockServer server) {
    List<V4Directory> directories = directories(server).listDirectories();

    assertThat(directories).isNotEmpty().allSatisfy(directory -> {
      assertThat(directory.getId()).matches("\\d+");
      assertThat(directory.getName()).isNotBlank();
    });
  }

  @Pact(consumer = CONSUMER)
  V4Pact listDirectoriesRejected(PactDslWithProvider builder) {
    return rejected(builder, "listDirectories").withoutBody()
        .respondWith(401, "authenticationFailed");
  }

  @Test
  @PactTestFor(pactMethod = "listDirectoriesRejected")
  void listDirectoriesWithRejectedCredentialsFailsWithAuthentication(MockServer server) {
    failsWithRejectedCredentials(server, DirectoryService::listDirectories);
  }

  @Pact(consumer = CONSUMER)
  V4Pact getDirectory(PactDslWithProvider builder) {
    return success(builder, "getDirectory", ProviderStates.DIRECTORIES,
        "a request for directory 12345").withoutBody().respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "getDirectory")
  void getDirectoryReturnsTheDirectory(MockServer server) {
    V4Directory directory = directories(server).getDirectory("12345");

    assertThat(directory.getId()).matches("\\d+");
    assertThat(directory.getName()).isNotBlank();
  }

  @Pact(consumer = CONSUMER)
  V4Pact getDirectoryRejected(PactDslWithProvider builder) {
    return rejected(builder, "getDirectory").withoutBody().respondWith(401, "authenticationFailed");
  }

  @Test
  @PactTestFor(pactMethod = "getDirectoryRejected")
  void getDirectoryWithRejectedCredentialsFailsWithAuthentication(MockServer server) {
    failsWithRejectedCredentials(server, directories -> directories.getDirectory("12345"));
  }

  @Pact(consumer = CONSUMER)
  V4Pact listDirectoryUsers(PactDslWithProvider builder) {
    return success(builder, "listDirectoryUsers", ProviderStates.DIRECTORY_USER,
        "a request for the users of directory 12345").withoutBody().respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "listDirectoryUsers")
  void listDirectoryUsersReturnsTheRegisteredUsers(MockServer server) {
    List<DirectoryRegistration> users = directories(server).listDirectoryUsers("12345");

    assertThat(users).isNotEmpty().allSatisfy(user -> {
      assertThat(user.getUserId()).isPositive();
      assertThat(user.getEmail()).isNotBlank();
    });
  }

  @Pact(consumer = CONSUMER)
  V4Pact listDirectoryUsersRejected(PactDslWithProvider builder) {
    return rejected(builder, "listDirectoryUsers").withoutBody()
        .respondWith(401, "authenticationFailed");
  }

  @Test
  @PactTestFor(pactMethod = "listDirectoryUsersRejected")
  void listDirectoryUsersWithRejectedCredentialsFailsWithAuthentication(MockServer server) {
    failsWithRejectedCredentials(server, directories -> directories.listDirectoryUsers("12345"));
  }

  @Pact(consumer = CONSUMER)
  V4Pact getDirectoryUser(PactDslWithProvider builder) {
    return success(builder, "getDirectoryUser", ProviderStates.DIRECTORY_USER,
        "a request for user 67890 of directory 12345").withoutBody().respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "getDirectoryUser")
  void getDirectoryUserReturnsTheUser(MockServer server) {
    DirectoryRegistration user = directories(server).getDirectoryUser("12345", "67890");

    assertThat(user.getUserId()).isPositive();
    assertThat(user.getEmail()).isNotBlank();
  }

  @Pact(consumer = CONSUMER)
  V4Pact getDirectoryUserRejected(PactDslWithProvider builder) {
    return rejected(builder, "getDirectoryUser").withoutBody()
        .respondWith(401, "authenticationFailed");
  }

  @Test
  @PactTestFor(pactMethod = "getDirectoryUserRejected")
  void getDirectoryUserWithRejectedCredentialsFailsWithAuthentication(MockServer server) {
    failsWithRejectedCredentials(server,
        directories -> directories.getDirectoryUser("12345", "67890"));
  }

  private static CreateDirectoryUserRequest jane() {
    return new CreateDirectoryUserRequest().email("jane@example.com").firstName("Jane")
        .lastName("Doe").birthDate("1990-05-17");
  }

  @Pact(consumer = CONSUMER)
  V4Pact createDirectoryUser(PactDslWithProvider builder) {
    return success(builder, "createDirectoryUser", ProviderStates.DIRECTORIES,
        "a request to register jane@example.com in directory 12345").request("jane")
        .respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "createDirectoryUser")
  void createDirectoryUserReturnsTheCreatedUser(MockServer server) {
    DirectoryRegistration user = directories(server).createDirectoryUser("12345", jane());

    assertThat(user.getUserId()).isPositive();
    assertThat(user.getEmail()).isNotBlank();
  }

  @Pact(consumer = CONSUMER)
  V4Pact createDirectoryUserRejected(PactDslWithProvider builder) {
    return rejected(builder, "createDirectoryUser").request("jane")
        .respondWith(401, "authenticationFailed");
  }

  @Test
  @PactTestFor(pactMethod = "createDirectoryUserRejected")
  void createDirectoryUserWithRejectedCredentialsFailsWithAuthentication(MockServer server) {
    failsWithRejectedCredentials(server,
        directories -> directories.createDirectoryUser("12345", jane()));
  }

  @Pact(consumer = CONSUMER)
  V4Pact updateDirectoryUser(PactDslWithProvider builder) {
    return success(builder, "updateDirectoryUser", ProviderStates.DIRECTORY_USER,
        "a request to block user 67890 of directory 12345").request("block")
        .respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "updateDirectoryUser")
  void updateDirectoryUserBlocksTheUser(MockServer server) {
    DirectoryRegistration user = directories(server).updateDirectoryUser("12345", "67890",
        new UpdateDirectoryUserRequest().block(true));

    assertThat(user.getUserId()).isPositive();
  }

  @Pact(consumer = CONSUMER)
  V4Pact updateDirectoryUserRejected(PactDslWithProvider builder) {
    return rejected(builder, "updateDirectoryUser").request("block")
        .respondWith(401, "authenticationFailed");
  }

  @Test
  @PactTestFor(pactMethod = "updateDirectoryUserRejected")
  void updateDirectoryUserWithRejectedCredentialsFailsWithAuthentication(MockServer server) {
    failsWithRejectedCredentials(server, directories -> directories.updateDirectoryUser("12345",
        "67890", new UpdateDirectoryUserRequest().block(true)));
  }

  @Pact(consumer = CONSUMER)
  V4Pact grantDirectoryAccess(PactDslWithProvider builder) {
    return success(builder, "grantDirectoryAccess", ProviderStates.DIRECTORY_USER,
        "a request to give user 67890 of directory 12345 paid access until 2025")
        .request("untilEndOfYear").respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "grantDirectoryAccess")
  void grantDirectoryAccessSucceeds(MockServer server) {
    assertThat(directories(server).grantDirectoryAccess("12345", "67890",
        new GrantDirectoryAccessRequest().expiresAt("2025-12-31 23:59:59"))).isNotNull();
  }

  @Pact(consumer = CONSUMER)
  V4Pact grantDirectoryAccessRejected(PactDslWithProvider builder) {
    return rejected(builder, "grantDirectoryAccess").request("untilEndOfYear")
        .respondWith(401, "authenticationFailed");
  }

  @Test
  @PactTestFor(pactMethod = "grantDirectoryAccessRejected")
  void grantDirectoryAccessWithRejectedCredentialsFailsWithAuthentication(MockServer server) {
    failsWithRejectedCredentials(server, directories -> directories.grantDirectoryAccess("12345",
        "67890", new GrantDirectoryAccessRequest().expiresAt("2025-12-31 23:59:59")));
  }

  @Pact(consumer = CONSUMER)
  V4Pact revokeDirectoryAccess(PactDslWithProvider builder) {
    return success(builder, "revokeDirectoryAccess", ProviderStates.DIRECTORY_USER_WITH_ACCESS,
        "a request to revoke the paid access of user 67890 of directory 12345").withoutBody()
        .respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "revokeDirectoryAccess")
  void revokeDirectoryAccessSucceeds(MockServer server) {
    assertThat(directories(server).revokeDirectoryAccess("12345", "67890")).isNotNull();
  }

  @Pact(consumer = CONSUMER)
  V4Pact revokeDirectoryAccessRejected(PactDslWithProvider builder) {
    return rejected(builder, "revokeDirectoryAccess").withoutBody()
        .respondWith(401, "authenticationFailed");
  }

  @Test
  @PactTestFor(pactMethod = "revokeDirectoryAccessRejected")
  void revokeDirectoryAccessWithRejectedCredentialsFailsWithAuthentication(MockServer server) {
    failsWithRejectedCredentials(server,
        directories -> directories.revokeDirectoryAccess("12345", "67890"));
  }

  @Pact(consumer = CONSUMER)
  V4Pact createDirectoryUserSsoToken(PactDslWithProvider builder) {
    return success(builder, "createDirectoryUserSsoToken", ProviderStates.DIRECTORY_USER,
        "a request for a single sign-on token of user 67890 of directory 12345").withoutBody()
        .respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "createDirectoryUserSsoToken")
  void createDirectoryUserSsoTokenReturnsAToken(MockServer server) {
    assertThat(directories(server).createDirectoryUserSsoToken("12345", "67890").getToken())
        .isNotBlank();
  }

  @Pact(consumer = CONSUMER)
  V4Pact createDirectoryUserSsoTokenRejected(PactDslWithProvider builder) {
    return rejected(builder, "createDirectoryUserSsoToken").withoutBody()
        .respondWith(401, "authenticationFailed");
  }

  @Test
  @PactTestFor(pactMethod = "createDirectoryUserSsoTokenRejected")
  void createDirectoryUserSsoTokenWithRejectedCredentialsFailsWithAuthentication(
      MockServer server) {
    failsWithRejectedCredentials(server,
        directories -> directories.createDirectoryUserSsoToken("12345", "67890"));
  }
}
