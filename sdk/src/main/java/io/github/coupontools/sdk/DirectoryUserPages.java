package io.github.coupontools.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.coupontools.sdk.model.DirectoryRegistration;
import io.github.coupontools.sdk.model.ListDirectoryUsersV3Request;
import io.github.coupontools.sdk.model.ListDirectoryUsersV3Response;
import io.github.coupontools.sdk.service.DirectoryService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Lazy iteration over every registered user of a directory ({@code directoryusers/list}: 100
 * users per page, newest first).
 *
 * <p>The documentation shows no response of this call, so the key that holds a page's users is
 * not known: the users are the elements of the first array of objects in the answer, whatever its
 * key, read as {@link DirectoryRegistration} (the fields of the documented
 * {@code directory_registration} webhook; every other field stays in its {@code rawJson()}).
 * Iteration starts at the request's {@code page} ({@value #FIRST_PAGE} when unset) and ends at an
 * empty page or one shorter than {@value #PAGE_SIZE} users or than the first page; one page is
 * held at a time. The caller's request object is not modified.
 */
public final class DirectoryUserPages {

  /** The page requested first when the request names none. */
  public static final int FIRST_PAGE = 1;
  /** The documented page size. */
  public static final int PAGE_SIZE = 100;

  private final DirectoryService api;
  private final ObjectMapper mapper;

  DirectoryUserPages(DirectoryService api, ObjectMapper mapper) {
    this.api = api;
    this.mapper = mapper;
  }

  /** Every registered user of the request's directory, newest first. */
  public Stream<DirectoryRegistration> all(ListDirectoryUsersV3Request request) {
    Objects.requireNonNull(request, "request");
    ListDirectoryUsersV3Request template =
        mapper.convertValue(request, ListDirectoryUsersV3Request.class);
    int firstPage = template.getPage() == null ? FIRST_PAGE : template.getPage();
    return Pages.stream(firstPage, PAGE_SIZE, page -> users(api.listDirectoryUsersV3(
        mapper.convertValue(template, ListDirectoryUsersV3Request.class).page(page))),
        user -> user.getUserId() != null ? user.getUserId() : user.getEmail());
  }

  private List<DirectoryRegistration> users(ListDirectoryUsersV3Response response) {
    JsonNode answer = response.rawJson().orElseGet(() -> mapper.valueToTree(response));
    List<DirectoryRegistration> users = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : answer.properties()) {
      JsonNode value = field.getValue();
      if (value.isArray() && value.size() > 0 && value.get(0).isObject()) {
        for (JsonNode user : value) {
          users.add(mapper.convertValue(user, DirectoryRegistration.class));
        }
        break;
      }
    }
    return users;
  }
}
