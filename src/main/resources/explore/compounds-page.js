"use strict";
// The compound network: companies develop compounds, which target targets and treat indications; opened on a focus
// chosen by search, or on the overview's communities.
PKGNet.mount({view: "compounds", types: ["Company", "Compound", "Target", "Indication"], noun: "companies, compounds, targets and indications"});
