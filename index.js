// n8n reads package.json#n8n to find the nodes and credentials; nothing is loaded from here.
module.exports = {};
