//! The networks a brand publishes on.

use tribu_core::model::{Network, NetworkInput};

use super::commands;

commands! {
    fn networks_list(cx) -> Vec<Network> {
        cx.with(|store| store.networks())
    }

    fn network_create(cx, input: NetworkInput) -> Network {
        cx.with(|store| store.create_network(&input))
    }

    fn network_update(cx, id: String, input: NetworkInput) -> Network {
        cx.with(|store| store.update_network(&id, &input))
    }

    /// Refused while posts, KPIs or values use the network.
    fn network_delete(cx, id: String) -> () {
        cx.with(|store| store.delete_network(&id))
    }
}
