package io.homeshield.api.v1;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.homeshield.apiclient.ApiClient;
import io.homeshield.apiclient.api.DevicesApi;
import io.homeshield.apiclient.model.Device;
import io.homeshield.apiclient.model.DeviceType;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The contract as the apps' teams use it: the build generates a Java client from the committed OpenAPI
 * document (openapi-generator, see the pom), and a subscriber's app lists their devices through it from
 * the running application, with a real access token, into the document's own types.
 */
@QuarkusTest
class GeneratedClientTest {

    @TestHTTPResource("/")
    URI application;

    @Test
    void aSubscribersAppListsTheirDevicesThroughTheGeneratedClient() throws Exception {
        Fixtures.TestHousehold household = Fixtures.household("alice");
        String hostname = "generated-client-" + UUID.randomUUID().toString().substring(0, 8);
        io.homeshield.inventory.Device camera = Fixtures.device(household, hostname,
                io.homeshield.inventory.DeviceType.CAMERA);
        String token = Tokens.accessToken("alice");

        ApiClient client = new ApiClient();
        client.updateBaseUri(application.toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        List<Device> found = new DevicesApi(client).listDevices(null, 10, null, hostname, null, null);

        assertThat(found.stream().map(Device::getId).toList(), contains(camera.id));
        assertThat(found.get(0).getMac(), equalTo(camera.mac));
        assertThat(found.get(0).getType(), equalTo(DeviceType.CAMERA));
        assertThat(found.get(0).getOpenAlerts(), equalTo(0L));
    }
}
