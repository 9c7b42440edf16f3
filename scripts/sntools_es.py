#!/usr/bin/env python3
"""dσ/dT of ν–e elastic scattering with the BKS (1995) radiative corrections from sntools 1.4
(SNEWS2/sntools, interaction_channels/es.py), an implementation independent of nue's Swift code.

    python3 scripts/sntools_es.py POINTS.json

POINTS.json: [{"flavor": "anti-nu-e"|"nu-e"|"nu-mu"|"anti-nu-mu", "enu_mev": E, "t_mev": T}, ...].
Prints one JSON object: {"dsigma_dt_cm2_per_mev": [...], "fermi_coupling_mev2": sntools' G_F,
"sin2_theta_w": sntools' sin²θ̂_W(M_Z), "rho_nc": ...}. sntools' dSigma_dE(E_ν, E_e) is per MeV of
electron total energy in MeV⁻²; dE_e = dT, and (ħc)² converts to cm². sntools accepts electron
energies above its Cherenkov threshold 0.77 MeV only (T > 0.259 MeV).
"""
import json
import sys

from sntools.interaction_channels import es

HBARC_SQUARED_MEV2_CM2 = 0.389379372e-21
FLAVORS = {"anti-nu-e": "eb", "nu-e": "e", "nu-mu": "x", "anti-nu-mu": "xb"}


def main():
    with open(sys.argv[1]) as f:
        points = json.load(f)
    channels = {}
    values = []
    for p in points:
        name = FLAVORS[p["flavor"]]
        channel = channels.setdefault(name, es.Channel(name))
        values.append(channel.dSigma_dE(p["enu_mev"], p["t_mev"] + es.mE) * HBARC_SQUARED_MEV2_CM2)
    print(json.dumps({"dsigma_dt_cm2_per_mev": values, "fermi_coupling_mev2": es.gF,
                      "sin2_theta_w": es.sin2theta_w, "rho_nc": es.rho_NC}))


if __name__ == "__main__":
    main()
