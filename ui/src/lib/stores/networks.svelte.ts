// Networks and known themes, loaded once and refreshed after edits; posts
// take their colour and character limit from here.
import { api } from '../api';
import type { Network } from '../bindings/Network';

class NetworksState {
  list = $state<Network[]>([]);
  themes = $state<string[]>([]);
  byId = $derived(new Map(this.list.map((network) => [network.id, network])));

  async load(): Promise<void> {
    this.list = await api.networksList();
  }

  async loadThemes(): Promise<void> {
    this.themes = await api.postsThemes();
  }

  get(id: string | null | undefined): Network | undefined {
    return id ? this.byId.get(id) : undefined;
  }
}

export const networksState = new NetworksState();
