package io.homeshield.enforcement;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.homeshield.audit.Actor;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.net.DomainName;
import io.homeshield.routers.simulated.SimulatedRouters;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BlockedDomainTest {

    private static final DomainName TIKTOK = DomainName.of("tiktok.com");
    private static final DomainName GAMES = DomainName.of("roblox.com");

    @Inject
    BlockedDomainService blocks;

    @Inject
    SimulatedRouters routers;

    @Test
    void householdAndDeviceBlocksWithAnExemptionReachTheRouterAndAreVerified() {
        TestHousehold home = Fixtures.household("blocks-owner");
        Device kidsTablet = Fixtures.device(home, "Kids-iPad", DeviceType.TABLET);
        Device parentsLaptop = Fixtures.device(home, "Parents-Laptop", DeviceType.LAPTOP);
        Actor owner = Actor.subscriber("blocks-owner");

        BlockedDomain everyone = blocks.block(home.id(), TIKTOK, null, owner, null);
        blocks.block(home.id(), GAMES, kidsTablet.id, owner, null);
        blocks.exempt(home.id(), everyone.id, parentsLaptop.id, true, owner, null);

        awaitSyncVerified(home.routerId());
        RouterBlocklist onRouter = routers.domainBlocks(home.routerId());
        assertTrue(onRouter.blocks(kidsTablet.macAddress(), DomainName.of("www.tiktok.com")));
        assertTrue(onRouter.blocks(kidsTablet.macAddress(), GAMES));
        assertFalse(onRouter.blocks(parentsLaptop.macAddress(), TIKTOK), "the laptop is spared");
        assertFalse(onRouter.blocks(parentsLaptop.macAddress(), GAMES), "the games block is the tablet's only");

        blocks.unblock(home.id(), everyone.id, owner, null);
        awaitSyncVerified(home.routerId());
        assertFalse(routers.domainBlocks(home.routerId()).blocks(kidsTablet.macAddress(), TIKTOK));
        assertTrue(routers.domainBlocks(home.routerId()).blocks(kidsTablet.macAddress(), GAMES));
    }

    @Test
    void blockingTwiceKeepsOneBlockAndAnotherHouseholdsBlockIsNotFound() {
        TestHousehold home = Fixtures.household("blocks-twice");
        TestHousehold other = Fixtures.household("blocks-other");
        Actor owner = Actor.subscriber("blocks-twice");
        BlockedDomain first = blocks.block(home.id(), TIKTOK, null, owner, null);
        BlockedDomain second = blocks.block(home.id(), TIKTOK, null, owner, null);
        assertEquals(first.id, second.id);
        assertEquals(1, blocks.list(home.id()).size());

        ProblemException notFound = assertThrows(ProblemException.class,
                () -> blocks.unblock(other.id(), first.id, Actor.subscriber("blocks-other"), null));
        assertEquals(404, notFound.problem().status());
        assertEquals(1, blocks.list(home.id()).size());
        assertSame(RouterBlocklist.EMPTY.rules().size(), blocks.list(other.id()).size());
    }

    private static void awaitSyncVerified(UUID routerId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            List<EnforcementAction> syncs = QuarkusTransaction.requiringNew().call(() -> EnforcementAction
                    .<EnforcementAction>list("routerId = ?1 and kind = ?2", routerId, ActionKind.SYNC_DOMAIN_BLOCKS));
            return !syncs.isEmpty() && syncs.stream().allMatch(a -> a.state == ActionState.VERIFIED);
        });
    }
}
